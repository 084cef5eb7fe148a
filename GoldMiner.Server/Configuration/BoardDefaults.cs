namespace GoldMiner.Server.Configuration;

/// <summary>The board a new room gets for any field its creator leaves out.</summary>
public sealed class BoardDefaults
{
    public int Rows { get; set; } = 9;

    public int Cols { get; set; } = 9;

    public int Gold { get; set; } = 10;

    public string Rules { get; set; } = "classic";
}
