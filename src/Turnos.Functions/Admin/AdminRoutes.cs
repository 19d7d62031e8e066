namespace Turnos.Functions.Admin;

/// <summary>Route templates of the admin API's HTTP functions, below the host's <c>api</c> prefix.</summary>
public static class AdminRoutes
{
    /// <summary>
    /// <c>admin</c>, the first segment of every admin route (<c>/api/admin/…</c>). The Functions host refuses a route
    /// whose template starts with the text "admin" (its own management API lives at <c>/admin</c>, azure-functions-host
    /// #1781), even below the <c>api</c> prefix; a parameter constrained to that one value keeps the published paths.
    /// </summary>
    public const string Root = "{adminArea:regex(^admin$)}";

    public const string Businesses = Root + "/businesses";

    /// <summary>One business; its functions take a <c>string businessId</c> parameter.</summary>
    public const string Business = Businesses + "/{businessId}";
}
