using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// The secret that lets a player take their seat back. 128 random bits from the system's CSPRNG;
/// only its SHA-256 is kept, so whatever stores seats never holds a usable token.
/// </summary>
public static class SeatToken
{
    private const int SecretBytes = 16;

    // A token we issued is 22 characters; one a client sends is hashed on the stack up to this size.
    private const int HashOnStackBytes = 256;

    /// <summary>A new token and its hash. Only the two results are allocated: a join makes one per game.</summary>
    public static (string Token, byte[] Hash) Create()
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var token = Base64Url.EncodeToString(secret);
        return (token, Hash(token));
    }

    public static byte[] Hash(string token)
    {
        var length = Encoding.UTF8.GetByteCount(token);
        var utf8 = length <= HashOnStackBytes ? stackalloc byte[HashOnStackBytes] : new byte[length];
        Encoding.UTF8.GetBytes(token, utf8);
        return SHA256.HashData(utf8[..length]);
    }

    public static bool Matches(string token, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(token), hash);
}
