using System.Globalization;
using System.Text;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// Reads a .psd1 as Import-PowerShellDataFile would (no PowerShell here): hashtables, arrays (@() or comma lists),
/// single- and double-quoted strings, numbers, $true/$false/$null and comments. Anything else, such as a variable or
/// a command, is an error, as it is to PowerShell for a data file.
/// </summary>
internal sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _at;

    private PowerShellDataFile(string text) => _text = text;

    public static Dictionary<string, object?> Read(string path) => Parse(File.ReadAllText(path));

    public static Dictionary<string, object?> Parse(string text)
    {
        var reader = new PowerShellDataFile(text);
        reader.SkipSpace(newlines: true);
        var value = reader.Value() as Dictionary<string, object?> ?? throw reader.Error("a data file is one hashtable");
        reader.SkipSpace(newlines: true);
        if (reader._at < text.Length) throw reader.Error("text after the hashtable");
        return value;
    }

    private object? Value()
    {
        var first = Single();
        SkipSpace(newlines: false);
        if (!Peek(",")) return first;
        var list = new List<object?> { first };
        while (Peek(","))
        {
            _at++;
            SkipSpace(newlines: true);
            list.Add(Single());
            SkipSpace(newlines: false);
        }

        return list.ToArray();
    }

    private object? Single()
    {
        if (Peek("@{")) return Hashtable();
        if (Peek("@(")) return Array();
        if (Peek("'")) return SingleQuoted();
        if (Peek("\"")) return DoubleQuoted();
        if (Take("$true")) return true;
        if (Take("$false")) return false;
        if (Take("$null")) return null;
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '.' or '-' or '+')) _at++;
        var word = _text.Substring(start, _at - start);
        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
        throw Error("not a value a data file may hold");
    }

    private Dictionary<string, object?> Hashtable()
    {
        _at += 2;
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace(newlines: true, separators: true);
            if (Take("}")) return table;
            var key = Peek("'") ? SingleQuoted() : Peek("\"") ? DoubleQuoted() : Word();
            SkipSpace(newlines: false);
            if (!Take("=")) throw Error($"'=' after key {key}");
            SkipSpace(newlines: true);
            if (!table.TryAdd(key, Value())) throw Error($"key {key} given twice");
        }
    }

    private object?[] Array()
    {
        _at += 2;
        var items = new List<object?>();
        while (true)
        {
            SkipSpace(newlines: true, separators: true, commas: true);
            if (Take(")")) return items.ToArray();
            var value = Value();
            if (value is object?[] list) items.AddRange(list); else items.Add(value);
        }
    }

    private string SingleQuoted()
    {
        var text = new StringBuilder();
        _at++;
        while (true)
        {
            if (_at >= _text.Length) throw Error("unterminated string");
            if (_text[_at] == '\'')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '\'') { text.Append('\''); _at += 2; continue; }
                _at++;
                return text.ToString();
            }

            text.Append(_text[_at++]);
        }
    }

    private string DoubleQuoted()
    {
        var text = new StringBuilder();
        _at++;
        while (true)
        {
            if (_at >= _text.Length) throw Error("unterminated string");
            char c = _text[_at];
            // A "$" would expand a variable or subexpression, which a data file does not allow.
            if (c == '$') throw Error("a variable in a double-quoted string");
            if (c == '`' && _at + 1 < _text.Length) { text.Append(Escaped(_text[_at + 1])); _at += 2; continue; }
            if (c == '"')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '"') { text.Append('"'); _at += 2; continue; }
                _at++;
                return text.ToString();
            }

            text.Append(c);
            _at++;
        }
    }

    private static char Escaped(char c) => c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', _ => c };

    private string Word()
    {
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_')) _at++;
        if (_at == start) throw Error("a key");
        return _text.Substring(start, _at - start);
    }

    private void SkipSpace(bool newlines, bool separators = false, bool commas = false)
    {
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (c == ' ' || c == '\t' || ((c == '\r' || c == '\n') && newlines) || (c == ';' && separators) || (c == ',' && commas)) _at++;
            else if (Peek("<#")) { int end = _text.IndexOf("#>", _at + 2, StringComparison.Ordinal); _at = end < 0 ? throw Error("unterminated comment") : end + 2; }
            else if (c == '#') { while (_at < _text.Length && _text[_at] != '\n') _at++; }
            else return;
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(_text, _at, token, 0, token.Length) == 0;

    private bool Take(string token)
    {
        if (!Peek(token)) return false;
        _at += token.Length;
        return true;
    }

    private FormatException Error(string expected)
    {
        int line = 1 + _text.Take(Math.Min(_at, _text.Length)).Count(c => c == '\n');
        return new FormatException($"line {line}: {expected}");
    }
}
