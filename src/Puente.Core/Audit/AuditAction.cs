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
}
