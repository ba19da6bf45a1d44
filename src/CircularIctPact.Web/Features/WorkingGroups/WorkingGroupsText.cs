namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>Marker for the working-group pages' texts in Resources/Features/WorkingGroups/WorkingGroupsText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<WorkingGroupsText>.
internal sealed class WorkingGroupsText;
#pragma warning restore CA1812
