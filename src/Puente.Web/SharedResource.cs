namespace Puente.Web;

/// <summary>Marker for the one resource file of UI strings (Resources/SharedResource.resx and .es.resx).</summary>
public sealed class SharedResource;
