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
}
