namespace GoldMiner.Server.Persistence;

/// <summary>The database cannot be opened, read or written: the server must not start with an empty lobby instead.</summary>
public sealed class GameStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
