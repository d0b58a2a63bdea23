package org.attnlab.datasets.fetch;

import com.sun.net.httpserver.HttpServer;
import org.attnlab.datasets.catalog.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.attnlab.datasets.fetch.Sha256Test.ABC;
import static org.attnlab.datasets.fetch.Sha256Test.HELLO;
import static org.attnlab.datasets.fetch.Sha256Test.SUB_TREE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetStoreTest {

    private static final Map<String, String> PACKAGE = Map.of(
            "usr/share/fx/a.txt", "abc",
            "usr/share/fx/sub/x.txt", "hello\n",
            "usr/share/fx/sub/deeper/y.txt", "abc",
            "usr/share/fx/unlisted.txt", "not kept",
            "usr/share/doc/fx/copyright", "not kept");

    @TempDir
    Path tmp;

    private final AtomicInteger downloads = new AtomicInteger();
    private final List<String> progress = new ArrayList<>();

    private DatasetStore store(String kind, String packageSha, String fileSha, PackageDownloader downloader) throws IOException {
        String yaml = """
                datasets:
                  - name: fx
                    description: fixture
                    licence: MIT
                    citation: none
                    upstream: https://example.org/fx
                    source:
                      kind: %s
                      package: fx
                      version: "1.0"
                      sha256: %s
                      root: %s
                    files:
                      - path: a.txt
                        sha256: %s
                      - path: sub/
                        sha256: %s
                """.formatted(kind, packageSha, kind.equals("npm") ? "package/data" : "usr/share/fx", fileSha, SUB_TREE);
        Path catalog = Files.writeString(tmp.resolve("catalog.yaml"), yaml);
        return new DatasetStore(tmp.resolve("cache"), DatasetCatalog.load(catalog),
                new SourceFetcher(downloader, new HttpsDownloader()), progress::add);
    }

    private PackageDownloader fakeDeb() {
        return (source, dir) -> {
            downloads.incrementAndGet();
            return FixtureArchives.deb(dir.resolve("fx_1.0_all.deb"), PACKAGE);
        };
    }

    private List<Path> cacheContents() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.toList();
        }
    }

    @Test
    void fetchesOnceKeepsOnlyListedFilesAndVerifies() throws Exception {
        DatasetStore store = store("debian", "null", ABC, fakeDeb());
        assertFalse(store.isCached("fx"));
        Path dir = store.fetch("fx");
        assertEquals(tmp.resolve("cache/fx"), dir);
        assertEquals("abc", Files.readString(dir.resolve("a.txt")));
        assertEquals("hello\n", Files.readString(dir.resolve("sub/x.txt")));
        assertFalse(Files.exists(dir.resolve("unlisted.txt")));
        assertEquals(List.of(dir), cacheContents(), "no staging folder left behind");
        assertEquals(dir, store.fetch("fx"));
        assertEquals(1, downloads.get(), "never fetched again");
        store.verify("fx");
        assertTrue(progress.contains("ok fx/sub/"), progress.toString());
    }

    /** A cache path that is a file (a mistyped ATTNLAB_DATA_DIR) is named as such; a deleted file makes it incomplete. */
    @Test
    void aCacheThatIsAFileIsNamedAndAMissingFileShowsAsIncomplete() throws Exception {
        DatasetStore store = store("debian", "null", ABC, fakeDeb());
        assertEquals("-", store.status("fx"));
        Path dir = store.fetch("fx");
        assertEquals("cached", store.status("fx"));
        Files.delete(dir.resolve("a.txt"));
        assertEquals("incomplete", store.status("fx"));

        Files.writeString(tmp.resolve("not-a-folder"), "x");
        DatasetStore onAFile = new DatasetStore(tmp.resolve("not-a-folder"), store.catalog(),
                new SourceFetcher(fakeDeb(), new HttpsDownloader()), progress::add);
        IOException e = assertThrows(IOException.class, () -> onAFile.fetch("fx"));
        assertTrue(e.getMessage().endsWith("not-a-folder is not a folder (it comes from ATTNLAB_DATA_DIR or --data-dir)"),
                e.getMessage());
    }

    @Test
    void checksumMismatchNamesFileAndLeavesNothing() throws Exception {
        DatasetStore store = store("debian", "null", HELLO, fakeDeb());
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> store.fetch("fx"));
        assertTrue(e.getMessage().contains("a.txt") && e.getMessage().contains(HELLO), e.getMessage());
        assertEquals(List.of(), cacheContents());
        assertFalse(store.isCached("fx"));
    }

    @Test
    void packageChecksumIsChecked() throws Exception {
        String zeros = "0".repeat(64);
        DatasetStore store = store("debian", zeros, ABC, fakeDeb());
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> store.fetch("fx"));
        assertTrue(e.getMessage().contains("fx_1.0_all.deb"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void failedDownloadLeavesNothing() throws Exception {
        DatasetStore store = store("debian", "null", ABC, (source, dir) -> {
            Files.writeString(dir.resolve("partial.deb"), "!<arch>\ntrunc");
            throw new IOException("connection reset");
        });
        IOException e = assertThrows(IOException.class, () -> store.fetch("fx"));
        assertEquals("connection reset", e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void verifyDetectsTamperingAndUncachedData() throws Exception {
        DatasetStore store = store("debian", "null", ABC, fakeDeb());
        assertThrows(IOException.class, () -> store.verify("fx"));
        Path dir = store.fetch("fx");
        Files.writeString(dir.resolve("sub/x.txt"), "hello!\n");
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> store.verify("fx"));
        assertTrue(e.getMessage().contains("sub"), e.getMessage());
    }

    @Test
    void aCachedDatasetIsReverifiedOnUseWhenAFileChanged() throws Exception {
        DatasetStore store = store("debian", "null", ABC, fakeDeb());
        Path dir = store.fetch("fx");
        assertEquals(dir, store.fetch("fx"));
        assertTrue(Files.isRegularFile(tmp.resolve("cache/.verified-fx.properties")), "verified sizes and times kept");
        Files.writeString(dir.resolve("a.txt"), "abcabc");
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> store.fetch("fx"));
        assertTrue(e.getMessage().contains("a.txt"), e.getMessage());
        Files.writeString(dir.resolve("sub/deeper/y.txt"), "abcd");
        Files.writeString(dir.resolve("a.txt"), "abc");
        e = assertThrows(ChecksumMismatchException.class, () -> store.fetch("fx"));
        assertTrue(e.getMessage().contains("sub"), e.getMessage());
        Files.writeString(dir.resolve("sub/deeper/y.txt"), "abc");
        assertEquals(dir, store.fetch("fx"), "restored files pass again");
        assertEquals(1, downloads.get());
    }

    @Test
    void unpacksNpmTarballs() throws Exception {
        DatasetStore store = store("npm", "null", ABC, (source, dir) -> FixtureArchives.tgz(dir.resolve("fx-1.0.tgz"),
                Map.of("package/data/a.txt", "abc", "package/data/sub/x.txt", "hello\n",
                        "package/data/sub/deeper/y.txt", "abc", "package/README.md", "x")));
        Path dir = store.fetch("fx");
        assertEquals("abc", Files.readString(dir.resolve("sub/deeper/y.txt")));
    }

    @Test
    void fetchesPlainUrlSources() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/base/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("/a.txt") ? "abc".getBytes(StandardCharsets.UTF_8) : new byte[0];
            int status = body.length > 0 ? 200 : 404;
            exchange.sendResponseHeaders(status, body.length > 0 ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
            String yaml = """
                    datasets:
                      - name: web
                        description: fixture
                        licence: MIT
                        citation: none
                        source: {kind: url, url: "%s"}
                        files:
                          - {path: a.txt, sha256: %s}
                    """.formatted(url, ABC);
            DatasetStore store = new DatasetStore(tmp.resolve("cache"),
                    DatasetCatalog.load(Files.writeString(tmp.resolve("web.yaml"), yaml)), SourceFetcher.standard(), progress::add);
            assertEquals("abc", Files.readString(store.fetch("web").resolve("a.txt")));
        } finally {
            server.stop(0);
        }
    }
}
