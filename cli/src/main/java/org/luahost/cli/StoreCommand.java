package org.luahost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.Persister;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.SnapshotInfo;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.Profile;

/**
 * {@code luahost sessions} (alias {@code luahost store}): the operator's tools for a data folder's stored
 * sessions (issue 15): list them, see a session's kept snapshots, show what
 * a snapshot holds (its globals as Lua-like text, read without running any
 * of its code), export and import snapshot files, delete a session, back the
 * whole store up while it is in use.
 *
 * <p>Reading commands open the store beside its owner (a running
 * {@code serve} keeps saving meanwhile); {@code import} and {@code delete}
 * change it and so take the data folder's lock, failing at once, naming the
 * holder, while a {@code serve} or {@code run} owns the folder: a live
 * session would overwrite the change.
 */
final class StoreCommand {
    static final String USAGE = """
            usage: luahost sessions [--data DIR | --store URI] <command>   (alias: luahost store)
              list                       every stored session: its newest snapshot, when, its size, how many are kept
              history ID                 the kept snapshots of session ID, newest first
              show ID [--seq N] [--depth N] [--entries N] [--json]
                                         the globals snapshot N (default the newest) added or changed, as Lua-like
                                         text (no code of the snapshot runs); tables to depth N (default 6),
                                         at most N entries each (default 200); --json: as JSON, the tree the
                                         console's globals view shows (see README "Web console")
              export ID [--seq N] FILE   write the snapshot's bytes to FILE (- for stdout)
              import ID FILE             store FILE's snapshot as session ID's newest (the folder must be free)
              delete ID                  remove every snapshot of session ID (the folder must be free)
              backup FILE                a consistent copy of the whole store (a sessions.db) while it is in use
            --data DIR: the data folder (default ./.luahost); --store URI: a PostgreSQL database
            (postgresql://user[:password]@host[:port]/database; backup: use pg_dump)
            """;

    private final PrintStream out;
    private final PrintStream err;
    /** --data DIR or --store URI. */
    private final StoreFlags stores = new StoreFlags();

    private StoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new StoreCommand(out, err).execute(args);
    }

    private int execute(String[] args) {
        List<String> rest = new ArrayList<>();
        long seq = -1;
        int depth = 6, entries = 200;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> stores.data(Path.of(value(args, ++i)));
                    case "--store" -> stores.store(value(args, ++i));
                    case "--seq" -> seq = Long.parseLong(value(args, ++i));
                    case "--depth" -> depth = Integer.parseInt(value(args, ++i));
                    case "--entries" -> entries = Integer.parseInt(value(args, ++i));
                    case "--json" -> json = true;
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> rest.add(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (rest.isEmpty()) return usage("no command given");
        String cmd = rest.get(0);
        int want = switch (cmd) {
            case "list" -> 1;
            case "history", "show", "delete" -> 2;
            case "export", "import" -> 3;
            case "backup" -> 2;
            default -> -1;
        };
        if (want < 0) return usage("unknown command '" + cmd + "'");
        if (rest.size() != want) return usage(cmd + ": expected " + (want - 1) + " argument" + (want == 2 ? "" : "s"));
        if (!cmd.equals("import") && !cmd.equals("delete") && !stores.exists()) {
            return fail("no session store in " + stores.where() + " (no sessions.db)");
        }
        try {
            return switch (cmd) {
                case "list" -> list();
                case "history" -> history(rest.get(1));
                case "show" -> json ? showJson(rest.get(1), seq, depth, entries) : show(rest.get(1), seq, depth, entries);
                case "export" -> export(rest.get(1), seq, rest.get(2));
                case "import" -> importFile(rest.get(1), Path.of(rest.get(2)));
                case "delete" -> delete(rest.get(1));
                default -> backup(Path.of(rest.get(1)));
            };
        } catch (PersistenceException e) {
            return fail(e.getMessage());
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("'" + args[i - 1] + "' needs a value");
        return args[i];
    }

    private int usage(String why) {
        err.print("luahost sessions: " + why + "\n" + USAGE);
        return 2;
    }

    private int fail(String message) {
        out.flush();
        err.println("luahost sessions: " + message);
        return 1;
    }

    private int list() {
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            List<SnapshotInfo> all = await(store.list());
            out.printf("%-24s %8s  %-24s %10s  %s%n", "session", "snapshot", "saved at", "bytes", "kept");
            for (SnapshotInfo i : all) {
                out.printf("%-24s %8d  %-24s %10d  %d%n", i.sessionId(), i.sequence(), i.savedAt(), i.size(), i.kept());
            }
            out.println(all.size() + (all.size() == 1 ? " session" : " sessions"));
            return 0;
        }
    }

    private int history(String id) {
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            List<SnapshotInfo> h = await(store.history(id));
            if (h.isEmpty()) return fail("no session '" + id + "' in " + stores.where());
            for (SnapshotInfo i : h) out.printf("%8d  %-24s %10d bytes%n", i.sequence(), i.savedAt(), i.size());
            return 0;
        }
    }

    /** The snapshot of id at seq (the newest when seq < 0); warnings about skipped corrupt snapshots go to err. */
    private StoredSnapshot snapshot(SessionStore store, String id, long seq) {
        Optional<StoredSnapshot> s = seq < 0 ? await(store.load(id)) : await(store.load(id, seq));
        if (s.isEmpty()) {
            throw new PersistenceException(seq < 0 ? "no session '" + id + "' in " + stores.where()
                    : "session '" + id + "' has no snapshot " + seq + " (see luahost sessions history " + id + ")");
        }
        s.get().warnings().forEach(w -> err.println("luahost sessions: warning: " + w));
        return s.get();
    }

    private int show(String id, long seq, int depth, int entries) {
        StoredSnapshot s;
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            s = snapshot(store, id, seq);
        }
        LuaState L = LuaState.builder().profile(Profile.TRUSTED).threadFactory(Main.luaThreads()).build();
        String printer;
        try (InputStream in = StoreCommand.class.getResourceAsStream("show.lua")) {
            printer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException | NullPointerException e) {
            return fail("the show printer is missing from the jar: " + e);
        }
        try {
            Object baseline = L.call(L.load(BASELINE, "=baseline", "t", null))[0];
            Persister p = Persister.attach(L);
            p.register(org.luahost.cli.console.SnapshotReader.TIMER_HANDLES);   // a session with pending timers (serve) holds timer handles
            // any profile: nothing of the snapshot runs here (a sandboxed one's functions become stand-ins)
            RestoreReport r = p.restore(s.bytes(), true);
            r.warnings().forEach(w -> err.println("luahost sessions: note: " + w));
            LuaFunction show = L.load(printer, "=show", "t", null);
            Object text = L.call(show, baseline, (long) depth, (long) entries)[0];
            out.println("-- session '" + id + "', snapshot " + s.sequence() + " (" + s.bytes().length + " bytes, "
                    + r.objects() + " objects)");
            String body = LuaString.toJava((String) text);
            if (!body.isEmpty()) out.println(body);
            return 0;
        } catch (LuaError e) {
            return fail("cannot show session '" + id + "': " + e.getMessage());
        }
    }

    /**
     * show --json: {@code {"session", "seq", "bytes", "globals": tree, "notes"}} with the tree of
     * {@link org.luahost.cli.console.GlobalsJson} (the libraries left out, cycles as references).
     */
    private int showJson(String id, long seq, int depth, int entries) {
        StoredSnapshot s;
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            s = snapshot(store, id, seq);
        }
        List<String> notes = new ArrayList<>();
        try {
            io.vertx.core.json.JsonObject tree = org.luahost.cli.console.SnapshotReader.globals(s.bytes(), Main.luaThreads(),
                    depth, entries, notes);
            out.println(new io.vertx.core.json.JsonObject().put("session", id).put("seq", s.sequence())
                    .put("bytes", s.bytes().length).put("globals", tree).put("notes", new io.vertx.core.json.JsonArray(notes))
                    .encodePrettily());
            return 0;
        } catch (LuaError | PersistenceException e) {
            return fail("cannot show session '" + id + "': " + e.getMessage());
        }
    }

    /** A fresh state's globals, and a shallow copy of each library table (see show.lua). */
    private static final String BASELINE = """
            local values, copies = {}, {}
            for k, v in next, _G do
              values[k] = v
              if type(v) == 'table' and v ~= _G then
                local c = {}
                for kk, vv in next, v do c[kk] = vv end
                copies[k] = c
              end
            end
            return {values = values, copies = copies}
            """;

    private int export(String id, long seq, String file) {
        StoredSnapshot s;
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            s = snapshot(store, id, seq);
        }
        try {
            if (file.equals("-")) {
                OutputStream o = out;
                o.write(s.bytes());
                o.flush();
            } else {
                Files.write(Path.of(file), s.bytes());
                err.println("luahost sessions: wrote snapshot " + s.sequence() + " of session '" + id + "' (" + s.bytes().length
                        + " bytes) to " + file);
            }
            return 0;
        } catch (IOException e) {
            return fail("cannot write " + file + ": " + e.getMessage());
        }
    }

    private int importFile(String id, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return fail("cannot read " + file + ": " + e.getMessage());
        }
        try (SessionStore store = stores.open(true, Duration.ZERO)) {
            long seq;
            try {
                seq = await(store.save(id, bytes));   // the store verifies the format and checksum first
            } catch (PersistenceException e) {
                return fail(file + " is not stored: " + e.getMessage());
            }
            err.println("luahost sessions: stored " + file + " as snapshot " + seq + " of session '" + id + "'");
            return 0;
        }
    }

    private int delete(String id) {
        if (!stores.exists()) return fail("no session store in " + stores.where() + " (no sessions.db)");
        try (SessionStore store = stores.open(true, Duration.ZERO)) {
            int n = await(store.history(id)).size();
            if (n == 0) return fail("no session '" + id + "' in " + stores.where());
            await(store.delete(id));
            err.println("luahost sessions: deleted session '" + id + "' (" + n + (n == 1 ? " snapshot)" : " snapshots)"));
            return 0;
        }
    }

    private int backup(Path file) {
        try (SessionStore store = stores.open(false, Duration.ZERO)) {
            await(store.backup(file));
            err.println("luahost sessions: backed up " + stores.where() + " to " + file);
            return 0;
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        return RunCommand.await(stage);
    }
}
