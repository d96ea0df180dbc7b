namespace Retenza.Triage.Training;

/// <summary>Rows whose top probability falls in [Lower, Upper): their mean confidence and their accuracy.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
