package org.topgif.renderer.sample;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Well-known programs whose secret options do not look secret by name: {@code mysql -pX}, {@code curl -u
 * user:pw}, {@code sshpass -p X}, PuTTY's {@code -pw X}, {@code openssl enc -k X}. Each option hides the next
 * argument, a value glued to a one-letter option ({@code -pX}), or one after {@code =} or {@code :}.
 * Options whose own name looks secret ({@code --password}, {@code -storepass}, gpg's {@code --passphrase})
 * need no entry: {@link SecretNames} covers them for every program.
 */
enum KnownTool {
    MYSQL(names("mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck", "mysqlpump",
            "mysqlbinlog", "mysqlsh", "mariadb", "mariadb-dump", "mariadb-admin", "mariadb-import",
            "mariadb-check", "mariadb-show"), "-p"),
    SSHPASS(names("sshpass"), "-p"),
    PUTTY(names("putty", "plink", "pscp", "psftp"), "-pw"),
    REDIS(names("redis-cli", "valkey-cli", "keydb-cli"), "-a"),
    CURL(names("curl"), "-u", "--user", "-U", "--proxy-user", "-b", "--oauth2-bearer", "-E", "--cert",
            "--proxy-cert"),
    OPENSSL(names("openssl"), "-k", "-K"),
    KEYTOOL(names("keytool"), "-new"),
    LDAP(names("ldapsearch", "ldapmodify", "ldapadd", "ldapdelete", "ldapwhoami", "ldapcompare", "ldapmodrdn",
            "ldapexop"), "-w"),
    LDAPPASSWD(names("ldappasswd"), "-w", "-s", "-a"),
    SAMBA(names("smbclient", "rpcclient", "smbcacls", "smbget", "smbtree", "net"), "-U", "--user"),
    SQLCMD(names("sqlcmd", "bcp", "osql"), "-P"),
    MONGO(names("mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongostat",
            "mongotop", "mongofiles"), "-p"),
    CQLSH(names("cqlsh"), "-p"),
    IPMITOOL(names("ipmitool"), "-P", "-y", "-k"),
    SNMP(names("snmpwalk", "snmpget", "snmpset", "snmpbulkwalk", "snmpbulkget", "snmpgetnext", "snmptrap",
            "snmptable", "snmpdelta", "snmpstatus"), "-c", "-A", "-X"),
    RDESKTOP(names("rdesktop"), "-p"),
    FREERDP(names("xfreerdp", "xfreerdp3", "wlfreerdp", "sdl-freerdp", "sdl-freerdp3"), "/p"),
    MOSQUITTO(names("mosquitto_pub", "mosquitto_sub", "mosquitto_rr"), "-P"),
    USERADD(names("useradd", "usermod"), "-p"),
    LFTP(names("lftp"), "-u"),
    NCFTP(names("ncftp", "ncftpget", "ncftpput"), "-p"),
    /** {@code docker login -p X}; their {@code -p} means a port everywhere else, so only after "login". */
    REGISTRY_CLI(names("docker", "podman", "nerdctl", "buildah", "skopeo", "helm", "oras")),
    REGISTRY_LOGIN(names(), "-p"),
    /** {@code sqlplus user/password@db}: the password is part of a positional argument. */
    ORACLE(names("sqlplus", "sqlldr", "expdp", "impdp", "exp", "imp", "rman", "dgmgrl")),
    /** {@code htpasswd -b file user password}: in batch mode the last argument is the password. */
    HTPASSWD(names("htpasswd"));

    private static final KnownTool[] ALL = values();

    private final Set<String> programs;
    private final List<String> secretOptions;

    KnownTool(Set<String> programs, String... secretOptions) {
        this.programs = programs;
        this.secretOptions = List.of(secretOptions);
    }

    private static Set<String> names(String... programs) {
        return Set.of(programs);
    }

    /** The bit of each tool that {@code program}'s base name is, or 0. */
    static int bitsOf(String program) {
        int slash = program.lastIndexOf('/');
        String base = program.substring(slash + 1).toLowerCase(Locale.ROOT);
        int bits = 0;
        for (KnownTool tool : ALL) {
            if (tool.programs.contains(base)) {
                bits |= tool.bit();
            }
        }
        return bits;
    }

    int bit() {
        return 1 << ordinal();
    }

    boolean in(int bits) {
        return (bits & bit()) != 0;
    }

    /** How {@code word} uses one of the secret options of the tools in {@code bits}. */
    static OptionUse secretOptionUse(int bits, String word) {
        if (bits == 0) {
            return OptionUse.NONE;
        }
        for (KnownTool tool : ALL) {
            if (!tool.in(bits)) {
                continue;
            }
            for (String option : tool.secretOptions) {
                if (word.equals(option)) {
                    return new OptionUse(option.length(), false);
                }
                if (word.startsWith(option) && word.length() > option.length()) {
                    char next = word.charAt(option.length());
                    if (next == '=' || next == ':') {
                        return new OptionUse(option.length() + 1, true);
                    }
                    if (option.length() == 2 && option.charAt(0) == '-') {
                        return new OptionUse(option.length(), true); // glued: -pSECRET
                    }
                }
            }
        }
        return OptionUse.NONE;
    }

    /**
     * A word's use of a secret option.
     *
     * @param keep  how many characters of the word to show ({@code -p}, {@code --user=}); -1 when none matched
     * @param glued whether the value follows in the same word rather than in the next one
     */
    record OptionUse(int keep, boolean glued) {
        static final OptionUse NONE = new OptionUse(-1, false);

        boolean matched() {
            return keep >= 0;
        }
    }
}
