package io.bacalao.bench;

import io.bacalao.compute.publisher.s3.S3PublisherSpec;
import io.bacalao.compute.publisher.s3.S3ResultUpload;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.s3.S3Clients;
import io.bacalao.compute.storage.s3.S3Limits;
import io.bacalao.compute.storage.s3.S3Storage;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.S3Source;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * B8 (S3): an s3 input of {@code objects} objects of {@code objectMiB} MiB (1 GiB by default) brought from a local
 * S3Proxy into an input folder through {@link S3Storage}, interleaved round by round with the same download done
 * directly with the SDK (same client kind, same parallelism); then publishing the same bytes with the s3 publisher
 * (tar.gz + upload) beside packing alone and a direct single PUT of the packed archive. Prints MiB/s per round and
 * the storage/direct ratio (target ≥ 0.8).
 *
 * <p>Usage: {@code B8S3Transfer [objects=64] [objectMiB=16] [rounds=3] [s3proxyJar=system-tests/target/s3proxy/s3proxy.jar]}
 */
public final class B8S3Transfer {
    static final String KEY = "AKIDBENCH";
    static final String SECRET = "bench-secret";

    private B8S3Transfer() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path jar = Path.of(args.length > 3 ? args[3] : "system-tests/target/s3proxy/s3proxy.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("bacalao-b8-");
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process proxy = startProxy(jar, work, port);
        String endpoint = "http://127.0.0.1:" + port;
        try (S3Clients clients = new S3Clients()) {
            Path data = Files.createDirectories(work.resolve("store/bench/data"));
            SplittableRandom random = new SplittableRandom(8);
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < objects; i++) {
                try (OutputStream out = Files.newOutputStream(data.resolve(String.format("part-%03d.bin", i)))) {
                    for (int m = 0; m < mib; m++) {
                        random.nextBytes(chunk);
                        out.write(chunk);
                    }
                }
            }
            double total = (double) objects * mib;
            S3Limits limits = new S3Limits(Long.MAX_VALUE, objects + 1, 4);
            S3Storage storage = new S3Storage(limits);
            InputSource input = new InputSource(SpecConfig.of("s3", new S3Source("bench", "data/", "", "", endpoint, "", "")
                    .params()), "", "/inputs");
            S3Client direct = clients.client(endpoint, "");
            for (int r = 1; r <= rounds; r++) {
                Path a = work.resolve("storage-" + r);
                long s = System.nanoTime();
                storage.prepare(input, new StorageContext(a, 0, Duration.ofMinutes(30), List.of()));
                double viaStorage = total / ((System.nanoTime() - s) / 1e9);
                delete(a);
                Path b = Files.createDirectories(work.resolve("direct-" + r));
                s = System.nanoTime();
                directDownload(direct, "bench", "data/", b, 4);
                double viaSdk = total / ((System.nanoTime() - s) / 1e9);
                delete(b);
                System.out.printf("B8 round %d input %d x %d MiB: s3 storage %.1f MiB/s, direct SDK %.1f MiB/s, ratio %.2f%n",
                        r, objects, mib, viaStorage, viaSdk, viaStorage / viaSdk);
            }
            storage.close();
            Files.createDirectories(work.resolve("store/results"));
            Path results = work.resolve("store/bench");
            long s = System.nanoTime();
            new S3ResultUpload(clients, 16L * 1024 * 1024, 4).publish(new S3PublisherSpec("results", "k", endpoint, "", false),
                    "out/b8.tar.gz", results);
            double publish = (System.nanoTime() - s) / 1e9;
            Path archive = work.resolve("b8.tar.gz");
            s = System.nanoTime();
            TarGz.packTo(results, archive);
            double pack = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            direct.putObject(PutObjectRequest.builder().bucket("results").key("direct/b8.tar.gz").build(),
                    RequestBody.fromFile(archive));
            double put = (System.nanoTime() - s) / 1e9;
            System.out.printf("B8 publish %.0f MiB: s3 publisher %.1f s; baseline pack %.1f s + direct single PUT %.1f s%n",
                    total, publish, pack, put);
        } finally {
            proxy.destroy();
            proxy.waitFor();
            delete(work);
        }
    }

    private static void directDownload(S3Client s3, String bucket, String prefix, Path into, int parallel) throws Exception {
        List<S3Object> all = new ArrayList<>();
        s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                .contents().forEach(all::add);
        Semaphore slots = new Semaphore(parallel);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (S3Object o : all) {
                done.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        s3.getObject(g -> g.bucket(bucket).key(o.key()),
                                ResponseTransformer.toFile(into.resolve(o.key().substring(prefix.length()))));
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
    }

    private static Process startProxy(Path jar, Path work, int port) throws IOException, InterruptedException {
        Path conf = work.resolve("s3proxy.conf");
        Files.write(conf, List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + KEY, "s3proxy.credential=" + SECRET, "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + work.resolve("store")));
        Files.createDirectories(work.resolve("store"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--properties", conf.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        for (int i = 0; i < 1200; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) throw new IllegalStateException("S3Proxy exited; see " + work.resolve("s3proxy.log"));
                Thread.sleep(100);
            }
        }
        p.destroy();
        throw new IllegalStateException("S3Proxy did not start in 120 s");
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
