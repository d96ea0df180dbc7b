#:project ../../src/Retenza.Triage/Retenza.Triage.csproj

// Regenerates models/sentiment/lexicon.tsv from the VADER and AFINN lists in the shared data folder
// and our support-terms.tsv. From the repository root:
//   dotnet run models/sentiment/build-lexicon.cs -- ../shared/data
using Retenza.Triage.Sentiment;

var data = Path.GetFullPath(args.Length > 0 ? args[0] : "../shared/data");
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.GetFullPath("models/sentiment");
using var vader = File.OpenText(Path.Combine(data, "vader", "vader_lexicon.txt"));
using var afinn = File.OpenText(Path.Combine(data, "afinn", "AFINN-en-165.txt"));
using var support = File.OpenText(Path.Combine(here, "support-terms.tsv"));
var lexicon = LexiconBuilder.Build(vader, afinn, support);

var target = Path.Combine(here, "lexicon.tsv");
using (var output = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)))
{
    LexiconBuilder.Write(lexicon, output);
}

Console.WriteLine($"Wrote {lexicon.Count} words to {target}");
