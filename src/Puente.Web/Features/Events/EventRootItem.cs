namespace Puente.Web.Features.Events;

/// <summary>The events of one CAMEO root in one period, with the root's name in the request language.</summary>
public sealed record EventRootItem(string Period, string Root, string RootName, long Events, double GoldsteinMean);
