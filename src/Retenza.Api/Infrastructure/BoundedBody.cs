using System.Buffers;

namespace Retenza.Api.Infrastructure;

/// <summary>Reads a request body into memory, refusing it as soon as it passes the limit.</summary>
public static class BoundedBody
{
    /// <param name="emptyDetail">What an empty body should have been, for the 400.</param>
    public static async Task<(MemoryStream? Body, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, string emptyDetail, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Content-Length may be absent (chunked): count while reading and stop one byte past the limit.
        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "Empty body", emptyDetail));
        }

        buffer.Position = 0;
        return (buffer, null);
    }

    private static IResult TooLarge(int maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Message too large", $"The body exceeds the limit of {maxBytes} bytes.");
}
