namespace ServicePolicy.PackageTests.Infrastructure;

using System.Diagnostics;
using System.Text;

/// <summary>Runs a child process with a time limit and captures its output.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// How long to wait for the last lines after the process has exited. A grandchild (an MSBuild node or
    /// a compiler server) can keep the output pipes open long after the command is done, so the end of
    /// the streams is not waited for indefinitely.
    /// </summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(5);

    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment != null)
        {
            foreach (var (name, value) in environment)
            {
                if (value == null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        var commandLine = fileName + " " + string.Join(" ", start.ArgumentList.Select(Quote));
        var output = new StringBuilder();
        var outputDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, outputDone);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errorDone);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own in the meantime.
            }
        }

        Task.WaitAll(new Task[] { outputDone.Task, errorDone.Task }, DrainTime);
        stopwatch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, text, stopwatch.Elapsed, timedOut: !exited);

        void Append(string? line, TaskCompletionSource done)
        {
            if (line == null)
            {
                done.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
