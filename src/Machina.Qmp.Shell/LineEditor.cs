using System.Text;

namespace Machina.Qmp.Shell;

/// <summary>
/// A small line editor for terminals: arrows, Home/End, Backspace/Delete, Ctrl-A/E/U/K/W, history
/// (Up/Down, kept in a file between runs) and Tab completion. Used only when standard input and
/// output are a terminal; piped input is read line by line.
/// </summary>
internal sealed class LineEditor(ShellCompleter completer, string? historyFile)
{
    /// <summary>How many lines the history keeps.</summary>
    public const int HistoryLimit = 1000;

    private readonly List<string> _history = Load(historyFile);
    private readonly Lock _consoleLock = new();
    private StringBuilder? _line;
    private string _prompt = string.Empty;
    private int _cursor;

    /// <summary>Prints <paramref name="text"/> above the line being edited (events that arrive while typing).</summary>
    public void WriteAbove(string text)
    {
        lock (_consoleLock)
        {
            if (_line is null)
            {
                Console.Out.WriteLine(text);
                return;
            }

            Console.Out.Write("\r\u001b[K");
            Console.Out.WriteLine(text);
            Redraw();
        }
    }

    /// <summary>Reads a line; null at end of input (Ctrl-D on an empty line).</summary>
    public string? ReadLine(string prompt)
    {
        lock (_consoleLock)
        {
            _prompt = prompt;
            _line = new StringBuilder();
            _cursor = 0;
            Console.Out.Write(prompt);
        }

        var historyIndex = _history.Count;
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            lock (_consoleLock)
            {
                var line = _line!;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        Console.Out.WriteLine();
                        var text = line.ToString();
                        _line = null;
                        Remember(text);
                        return text;
                    case ConsoleKey.Backspace when _cursor > 0:
                        line.Remove(--_cursor, 1);
                        break;
                    case ConsoleKey.Delete when _cursor < line.Length:
                        line.Remove(_cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow when _cursor > 0:
                        _cursor--;
                        break;
                    case ConsoleKey.RightArrow when _cursor < line.Length:
                        _cursor++;
                        break;
                    case ConsoleKey.Home:
                        _cursor = 0;
                        break;
                    case ConsoleKey.End:
                        _cursor = line.Length;
                        break;
                    case ConsoleKey.UpArrow when historyIndex > 0:
                        Replace(_history[--historyIndex]);
                        break;
                    case ConsoleKey.DownArrow when historyIndex < _history.Count:
                        historyIndex++;
                        Replace(historyIndex == _history.Count ? string.Empty : _history[historyIndex]);
                        break;
                    case ConsoleKey.Tab:
                        Complete();
                        break;
                    default:
                        if (key.Modifiers.HasFlag(ConsoleModifiers.Control))
                        {
                            switch (key.Key)
                            {
                                case ConsoleKey.D when line.Length == 0:
                                    Console.Out.WriteLine();
                                    _line = null;
                                    return null;
                                case ConsoleKey.A:
                                    _cursor = 0;
                                    break;
                                case ConsoleKey.E:
                                    _cursor = line.Length;
                                    break;
                                case ConsoleKey.U:
                                    line.Remove(0, _cursor);
                                    _cursor = 0;
                                    break;
                                case ConsoleKey.K:
                                    line.Remove(_cursor, line.Length - _cursor);
                                    break;
                                case ConsoleKey.W:
                                    var start = _cursor;
                                    while (start > 0 && line[start - 1] == ' ')
                                    {
                                        start--;
                                    }

                                    while (start > 0 && line[start - 1] != ' ')
                                    {
                                        start--;
                                    }

                                    line.Remove(start, _cursor - start);
                                    _cursor = start;
                                    break;
                            }
                        }
                        else if (key.KeyChar >= ' ')
                        {
                            line.Insert(_cursor++, key.KeyChar);
                        }

                        break;
                }

                Redraw();
            }
        }
    }

    private void Complete()
    {
        var line = _line!;
        var before = line.ToString(0, _cursor);
        var candidates = completer.Complete(before);
        if (candidates.Count == 0)
        {
            return;
        }

        var common = ShellCompleter.CommonPrefix(candidates);
        if (candidates.Count == 1 && !common.EndsWith('='))
        {
            common += " ";
        }

        if (common.Length > before.Length)
        {
            line.Remove(0, _cursor).Insert(0, common);
            _cursor = common.Length;
            return;
        }

        // Nothing more in common: list the choices, as readline does on a second Tab.
        Console.Out.Write("\r\u001b[K");
        Console.Out.WriteLine(string.Join("  ", candidates.Select(c => c[(c.LastIndexOf(' ') + 1)..])));
    }

    private void Replace(string text)
    {
        _line!.Clear().Append(text);
        _cursor = text.Length;
    }

    private void Redraw()
    {
        var line = _line!;
        Console.Out.Write("\r\u001b[K" + _prompt + line);
        var back = line.Length - _cursor;
        if (back > 0)
        {
            Console.Out.Write($"\u001b[{back}D");
        }
    }

    private void Remember(string text)
    {
        text = text.TrimEnd();
        if (text.Length == 0 || (_history.Count > 0 && _history[^1] == text))
        {
            return;
        }

        _history.Add(text);
        if (_history.Count > HistoryLimit)
        {
            _history.RemoveAt(0);
        }

        if (historyFile is null)
        {
            return;
        }

        try
        {
            File.WriteAllLines(historyFile, _history);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience: a read-only home must not stop the shell.
        }
    }

    private static List<string> Load(string? path)
    {
        try
        {
            return path is not null && File.Exists(path) ? File.ReadLines(path).TakeLast(HistoryLimit).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
