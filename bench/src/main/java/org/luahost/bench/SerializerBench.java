package org.luahost.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.luahost.persistence.Persister;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.Snapshot;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializer speed: capture (encode) and restore (decode) of a state whose
 * globals hold a graph of {@code entries} table entries: {@code entries / 4}
 * records {@code {id = i, name = "item" .. i % 1000, score = i * 0.5}} in one
 * array (so 4 entries per record: the array slot and 3 fields). Throughput in
 * MB/s and values/s is the snapshot size (printed at setup) and the entry
 * count divided by the time per operation.
 *
 * <pre>
 * ./mvnw -q -o install -DskipTests -pl bench -am
 * java -cp "$(cat bench/target/classpath)" org.openjdk.jmh.Main SerializerBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Xss512m"})
public class SerializerBench {
    @Param({"1000000"})
    public int entries;

    private Persister source;
    private byte[] snapshot;

    static LuaState fresh() {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return LuaState.create(Profile.TRUSTED, nul, nul, InputStream.nullInputStream());
    }

    @Setup(Level.Trial)
    public void setup() {
        LuaState L = fresh();
        source = Persister.attach(L);
        L.call(L.load("local n = ... records = {} for i = 1, n // 4 do records[i] = {id = i, name = 'item' .. i % 1000, score = i * 0.5} end",
                "=setup", "t", null), (long) entries);
        snapshot = source.capture().bytes();
        System.out.printf("%nsnapshot: %d bytes (%.1f MB) for %d entries%n", snapshot.length, snapshot.length / 1e6, entries);
    }

    @Benchmark
    public Snapshot capture() {
        return source.capture();
    }

    @Benchmark
    public RestoreReport restore() {
        LuaState L = fresh();
        return Persister.attach(L).restore(snapshot);
    }
}
