using System;
using System.Globalization;
using System.Management.Automation;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Marks a parameter as a described setting (<see cref="SettingDescriptions"/>): PowerShell holds each value to the
    /// description's bounds when it binds, and the module's help takes the parameter's text from the description,
    /// so neither bounds nor help is written on the cmdlet.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SettingAttribute : ValidateEnumeratedArgumentsAttribute
    {
        public SettingAttribute(string parameter)
        {
            Description = SettingDescriptions.Named(parameter);
        }

        public SettingDescription Description { get; }

        /// <summary>The parameter's help, as Get-Help shows it (read by the help generator).</summary>
        public string Help => Description.Help(commandLine: false);

        protected override void ValidateElement(object element)
        {
            object value = element is PSObject wrapped ? wrapped.BaseObject : element;
            // Durations are held to their bounds when the settings are built, which judges the fractions of a second
            // a TimeSpan can hold; switches, patterns and choices have no bounds.
            if (!Description.IsRange || value is TimeSpan) return;
            if (!Description.Allows(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
            {
                throw new ValidationMetadataException(Description.Refusal("-" + Description.Parameter, value));
            }
        }
    }
}
