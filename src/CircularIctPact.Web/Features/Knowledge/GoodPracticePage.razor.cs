using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>One case, statically rendered; unpublished and members-only cases answer 404 to whoever may not read them.</summary>
public partial class GoodPracticePage
{
    private GoodPracticeDetails? _case;
    private ProductGroupOption? _productGroup;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _case = await Cases.GetAsync(Id, HttpContext.User, HttpContext.RequestAborted);
            _productGroup =
                (await ProductGroups.ListAsync(HttpContext.RequestAborted)).FirstOrDefault(g => g.Id == _case.Content.ProductGroupId);
        }
        catch (NotFoundException)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
