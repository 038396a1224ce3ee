namespace LinkTools.Core.Text
{
    /// <summary>What <see cref="CsvText.Cell"/> does with a cell that is a plain signed number (-5, +1).</summary>
    public enum SignedNumbers
    {
        /// <summary>Written as is: a number cannot run as a formula, and it reads back as the number it is.</summary>
        Keep,

        /// <summary>Prefixed with ' like any other cell that starts with a sign, so it can only ever be read as text.</summary>
        AsText,
    }
}
