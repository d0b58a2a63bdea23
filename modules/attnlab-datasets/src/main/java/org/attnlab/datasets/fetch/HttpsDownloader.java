package org.attnlab.datasets.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Fetches one file over plain HTTP(S) (following redirects) into a target path. */
public final class HttpsDownloader {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    /** Downloads {@code uri} to {@code target}, creating parent folders; non-2xx answers are errors. */
    public void download(URI uri, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        HttpResponse<Path> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("fetching " + uri + " failed: HTTP " + response.statusCode());
        }
    }
}
