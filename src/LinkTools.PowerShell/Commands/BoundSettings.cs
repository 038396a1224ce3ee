using System;
using System.Management.Automation;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>A cmdlet's described parameters, as <see cref="SettingMapping"/> reads them: bound values, else the parameters' defaults.</summary>
    internal sealed class BoundSettings : ISettingSource
    {
        private readonly PSCmdlet _cmdlet;

        public BoundSettings(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public bool IsGiven(SettingDescription setting) => _cmdlet.MyInvocation.BoundParameters.ContainsKey(setting.Parameter);

        public object? Value(SettingDescription setting)
        {
            var property = _cmdlet.GetType().GetProperty(setting.Parameter)
                ?? throw new InvalidOperationException($"{_cmdlet.MyInvocation.MyCommand.Name} has no -{setting.Parameter} parameter.");
            object? value = property.GetValue(_cmdlet);
            return value switch
            {
                SwitchParameter flag => flag.IsPresent,
                null when setting.Type == typeof(int[]) => Array.Empty<int>(),
                null when setting.Type == typeof(string[]) => Array.Empty<string>(),
                // An optional number unset is the parameter's 0, which its bounds refuse when given.
                int _ when setting.Default == null && !IsGiven(setting) => null,
                _ => value,
            };
        }
    }
}
