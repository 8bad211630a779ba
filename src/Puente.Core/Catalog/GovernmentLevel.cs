namespace Puente.Core.Catalog;

/// <summary>Level of government an actor works at (NonGovernmental for civil society, business, academia).</summary>
public enum GovernmentLevel
{
    Federal,
    State,
    Local,
    Binational,
    International,
    NonGovernmental,
}
