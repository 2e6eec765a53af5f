package org.luahost.cli.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where the console's backup route ({@code POST /console/api/store/backup?path=NAME})
 * may write: only a new file directly inside one folder, configured by the
 * operator ({@code serve --backup-dir}, by default {@code backups} in the data
 * folder). The route is the admin's, but an admin token is a network
 * credential, not a shell on the server: before, {@code ?path=} took any path
 * the process could write (the data folder's own {@code sessions.db}'s
 * neighbours, {@code ~/.ssh/...}, through {@code ..} or a symlink).
 *
 * <p>The name must be a plain file name: no separator, not {@code .} or
 * {@code ..}, not hidden, no control characters, at most 200 characters;
 * nothing may exist under it yet, not even a dangling symlink (SQLite would
 * follow it). The folder is made when missing and its real path is used, so
 * a symlink planted later in its place changes nothing already resolved. A
 * local user who can write the folder itself could still race the check;
 * the folder should belong to the server's user alone.
 *
 * <p>Threads: immutable; {@link #resolve} touches the file system (call it off the event loop when that matters).
 */
final class BackupFolder {
    private final Path folder;

    /** folder: where backups go; null: backups are refused. */
    BackupFolder(Path folder) { this.folder = folder; }

    /**
     * The file to back up to for the client's name; throws
     * IllegalArgumentException (a 400, the reason) for a name that is not a
     * plain new file name, IllegalStateException when there is no backup folder.
     */
    Path resolve(String name) {
        if (folder == null) throw new IllegalStateException("backups are off: no backup folder (serve --backup-dir DIR)");
        String bad = problem(name);
        if (bad != null) throw new IllegalArgumentException("backup ?path=" + bad);
        Path dir;
        try {
            Files.createDirectories(folder);
            dir = folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the backup folder " + folder + ": " + e);
        }
        Path target = dir.resolve(name);
        if (!target.getParent().equals(dir)) throw new IllegalArgumentException("backup ?path= must name a file in the backup folder");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("backup " + name + " already exists in the backup folder: choose a new name");
        }
        return target;
    }

    /** What is wrong with name as a backup file name, or null. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) return "needs a file name (a new file in the server's backup folder)";
        if (name.length() > 200) return "is longer than 200 characters";
        if (name.equals(".") || name.equals("..") || name.startsWith(".")) return "must not start with '.'";
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '/' || ch == '\\') return "must be a plain file name (no folders): the file goes in the server's backup folder";
            if (ch < 0x20 || ch == 0x7f) return "must not hold control characters";
        }
        return null;
    }

    @Override
    public String toString() { return folder == null ? "none" : folder.toString(); }
}
