using System.Net;
using System.Net.Sockets;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// Finds a loopback TCP port that nothing listens on right now. It picks below Linux's ephemeral
/// range (32768–60999): a port from that range can be handed to an outgoing connection between
/// the test choosing it and a broker binding it, and a client dialling a port nobody listens on
/// can even connect to itself there.
/// </summary>
internal static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
