using System.Security.Cryptography;
using System.Text;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// The secret that lets a player take their seat back. 128 random bits from the system's CSPRNG;
/// only its SHA-256 is kept, so whatever stores seats never holds a usable token.
/// </summary>
public static class SeatToken
{
    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(16));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string token, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(token), hash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
