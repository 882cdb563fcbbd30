using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics.Api;

public sealed record IndicatorSourceBody(string Organization, string? Url);

/// <summary>An indicator's definition; values are <c>value × 10^scale</c> of <c>unit</c>.</summary>
public sealed record IndicatorRequest(
    string Name, string Unit, int? Scale, string? Description, IndicatorSourceBody Source, string Frequency)
{
    /// <summary>Checks the definition into <paramref name="errors"/>; its frequency when it passes.</summary>
    public Frequency? Validate(FieldErrors errors)
    {
        errors.Text("name", Name, 1, IndicatorLimits.Name);
        errors.Text("unit", Unit, 1, IndicatorLimits.Unit);
        errors.Text("source.organization", Source?.Organization, 1, IndicatorLimits.Name);
        if (Scale is < 0 or > IndicatorLimits.MaxScale)
        {
            errors.Add("scale", $"The scale is a power of ten from 0 to {IndicatorLimits.MaxScale} (9 for billions).");
        }

        errors.Text("description", Description, 0, IndicatorLimits.Description);
        errors.Url("source.url", Source?.Url, maxLength: IndicatorLimits.Url);
        if (!EnumNames.TryParse(Frequency, out Frequency frequency))
        {
            errors.Add("frequency", "One of annual, quarterly, monthly.");
        }

        return errors.Any ? null : frequency;
    }
}
