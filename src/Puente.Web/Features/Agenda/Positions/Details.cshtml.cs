using Puente.Core.Access;
using Puente.Core.Agenda;

namespace Puente.Web.Features.Agenda.Positions;

/// <summary>One side's position on an issue: its summary and statement, the day it was stated, its history.</summary>
public sealed class DetailsModel(PositionService positions, PuenteDbContext db) : RecordDetailsModel<IssuePosition, PositionInput>(positions, db)
{
    /// <summary>Only the position's own side edits it.</summary>
    public bool CanEditThis => CanEdit && Db.Viewer.Side == Record.Side;

    public Side? ViewerSide => Db.Viewer.Side;
}
