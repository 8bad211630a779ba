namespace Puente.Core.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    UserCreated,
    UserUpdated,
    RoleChanged,
    PasswordChanged,

    /// <summary>A file of a record was downloaded (who read what is part of the record's history).</summary>
    Downloaded,

    /// <summary>A list was exported (CSV or Excel): which list, its filters and how many rows are in the entry.</summary>
    Exported,
}
