package org.luahost.persistence;

/**
 * A snapshot made under one profile (sandboxed or trusted, and a library
 * set) was to be restored into a state with another, and the change was not
 * allowed ({@link Persister#restore(byte[], boolean)}). Restoring it could
 * give code written under the narrower profile what the wider one offers
 * (a sandboxed session's saved {@code print} replacement reaching {@code os.execute}).
 */
public final class ProfileMismatchException extends PersistenceException {
    private final String savedProfile;
    private final String restoringProfile;

    public ProfileMismatchException(String message, String savedProfile, String restoringProfile) {
        super(message);
        this.savedProfile = savedProfile;
        this.restoringProfile = restoringProfile;
    }

    /** The profile the snapshot was made under ({@code sandboxed}, {@code trusted}; {@code unknown} for an old snapshot). */
    public String savedProfile() { return savedProfile; }

    /** The profile of the state it was to be restored into. */
    public String restoringProfile() { return restoringProfile; }
}
