package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real redis-server from the PATH (the tests need it anyway: see the README). */
@Timeout(60)
class RedisServerIT {
    @TempDir
    Path dir;

    @Test
    void answersOnItsPortAndEveryStartIsEmpty() throws Exception {
        int port = Ports.freePorts(1)[0];
        try (RedisServer redis = new RedisServer(dir.resolve("redis"), dir.resolve("logs/redis.log"), port)) {
            redis.start();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
            assertThat(command(port, "SET", "stockview:generation", "4")).isEqualTo("+OK");
            assertThat(command(port, "GET", "stockview:generation")).isEqualTo("$1 4");
            long firstPid = redis.pid();

            assertThat(redis.stop()).as("stopped by SIGTERM").isTrue();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            redis.start();

            assertThat(command(port, "GET", "stockview:generation"))
                    .as("nothing kept")
                    .isEqualTo("$-1");
            assertThat(command(port, "SET", "stockview:generation", "5")).isEqualTo("+OK");

            redis.kill();
            assertThat(redis.exitedUnexpectedly()).as("killed on purpose").isFalse();
            redis.start();

            assertThat(command(port, "DBSIZE")).isEqualTo(":0");
            assertThat(redis.residentBytes()).isPresent();
        }
        assertThat(dir.resolve("logs/redis.log")).content().contains("Ready to accept connections");
        assertThat(Orphans.under(dir)).isEmpty();
    }

    @Test
    void aRedisLeftBehindIsFoundByItsDataDirectory() throws Exception {
        RedisServer redis = new RedisServer(dir.resolve("redis"), dir.resolve("logs/redis.log"), Ports.freePorts(1)[0]);
        try {
            redis.start();

            assertThat(Orphans.under(dir)).extracting(ProcessHandle::pid).containsExactly(redis.pid());
        } finally {
            redis.close();
        }
        assertThat(Orphans.under(dir)).isEmpty();
    }

    /** One RESP command; the reply's first line, with a bulk string's value after its length. */
    private static String command(int port, String... words) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$')
                        .append(word.length())
                        .append("\r\n")
                        .append(word)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            return first.startsWith("$") && !first.equals("$-1") ? first + " " + in.readLine() : first;
        }
    }
}
