// Renames assemblies and rewrites the references to them ("shading"), so that a dependency shipped
// inside an analyzer package cannot collide with another package's copy of the same library.
//
//   AssemblyShading --out <folder> --rename <OldName>=<NewName> [--rename ...] <assembly.dll>...
//
// Every input goes to <folder>: an assembly named <OldName> becomes <NewName>.dll (its strong-name
// signature dropped, since the renamed file is no longer what was signed); every reference to <OldName>
// in the other inputs now points at <NewName> (without a public key token). Inputs needing no change are
// copied as they are, with their .pdb. Output is deterministic (same input, same bytes).
using Mono.Cecil;

var outFolder = (string?)null;
var renames = new Dictionary<string, string>(StringComparer.Ordinal);
var inputs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outFolder = args[++i];
            break;
        case "--rename" when i + 1 < args.Length && args[i + 1].Contains('='):
            var pair = args[++i].Split('=', 2);
            renames[pair[0]] = pair[1];
            break;
        default:
            inputs.Add(args[i]);
            break;
    }
}

if (outFolder == null || renames.Count == 0 || inputs.Count == 0)
{
    Console.Error.WriteLine("usage: AssemblyShading --out <folder> --rename <OldName>=<NewName> <assembly.dll>...");
    return 2;
}

Directory.CreateDirectory(outFolder);
var resolver = new DefaultAssemblyResolver();
foreach (var folder in inputs.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct())
{
    resolver.AddSearchDirectory(folder);
}

foreach (var input in inputs)
{
    if (!File.Exists(input))
    {
        Console.Error.WriteLine($"{input}: error SHADE001: the assembly does not exist.");
        return 1;
    }

    var pdb = Path.ChangeExtension(input, ".pdb");
    var hasSymbols = File.Exists(pdb);
    // Read from memory: the input file stays free to be rebuilt or deleted.
    using var module = ModuleDefinition.ReadModule(
        new MemoryStream(File.ReadAllBytes(input)),
        new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadSymbols = hasSymbols,
            SymbolStream = hasSymbols ? new MemoryStream(File.ReadAllBytes(pdb)) : null,
        });

    var changed = false;
    var name = module.Assembly.Name.Name;
    if (renames.TryGetValue(name, out var newName))
    {
        module.Assembly.Name.Name = newName;
        module.Name = newName + ".dll";
        module.Assembly.Name.PublicKey = Array.Empty<byte>();
        module.Assembly.Name.HasPublicKey = false;
        module.Attributes &= ~ModuleAttributes.StrongNameSigned;
        name = newName;
        changed = true;
    }

    foreach (var reference in module.AssemblyReferences)
    {
        if (renames.TryGetValue(reference.Name, out var renamedReference))
        {
            reference.Name = renamedReference;
            reference.PublicKeyToken = Array.Empty<byte>();
            changed = true;
        }
    }

    var output = Path.Combine(outFolder, name + ".dll");
    if (!changed)
    {
        File.Copy(input, output, overwrite: true);
        if (hasSymbols)
        {
            File.Copy(pdb, Path.ChangeExtension(output, ".pdb"), overwrite: true);
        }

        continue;
    }

    module.Write(output, new WriterParameters { DeterministicMvid = true, WriteSymbols = hasSymbols });
    Console.WriteLine($"{Path.GetFileName(input)} -> {output}");
}

return 0;
