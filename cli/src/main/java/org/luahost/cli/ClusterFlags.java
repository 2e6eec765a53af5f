package org.luahost.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.luahost.scheduler.cluster.ClusterOptions;

/**
 * {@code luahost serve}'s cluster flags (issue 17): {@code --cluster} makes
 * the process a node of a Hazelcast cluster on TCP-IP join
 * ({@code --cluster-host}, {@code --cluster-port}, {@code --join},
 * {@code --lease}); any of the others implies {@code --cluster}.
 */
final class ClusterFlags {
    static final String USAGE = """
            cluster (see the README's Cluster section):
              --cluster           join a cluster of luahost nodes: each session lives on one node, any node reaches it
              --cluster-host H    the address this node binds for the cluster (default 127.0.0.1)
              --cluster-port P    its cluster port (default 5701; taken: the next free one)
              --join H:P,...      the members to join (default: this node alone, until others join it)
              --lease SECONDS     a node silent this long is dropped and its sessions move (default 5)
            """;

    /** The options, or null when no cluster flag was given. */
    ClusterOptions options;

    private ClusterOptions options() {
        if (options == null) options = new ClusterOptions();
        return options;
    }

    /** Parses the flag at args[i]: the index of its last argument, or -1 when it is not a cluster flag. */
    int parse(String[] args, int i) {
        String a = args[i];
        switch (a) {
            case "--cluster" -> options();
            case "--cluster-host" -> options().host(value(args, ++i, a));
            case "--cluster-port" -> options().port(Integer.parseInt(value(args, ++i, a)));
            case "--join" -> {
                List<String> members = Arrays.stream(value(args, ++i, a).split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
                for (String m : members) {
                    if (!m.matches("[^:]+:[0-9]+")) throw new IllegalArgumentException("--join wants host:port,... (got '" + m + "')");
                }
                options().join(members);
            }
            case "--lease" -> options().lease(Duration.ofSeconds(Math.max(2, Long.parseLong(value(args, ++i, a)))));
            default -> {
                return -1;
            }
        }
        return i;
    }

    /** What the start line says about the cluster. */
    String describe() {
        return options == null ? "" : "; cluster node on " + options.host() + ":" + options.port()
                + (options.join().isEmpty() ? "" : " joining " + String.join(",", options.join()));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
