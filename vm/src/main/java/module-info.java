/**
 * The Lua 5.4 virtual machine: its public API ({@code org.luahost.vm}), the
 * service-provider interface its sibling modules use ({@code org.luahost.vm.spi},
 * exported to them only), and its internals (compiler, interpreter,
 * runtime, standard library), exported to nobody.
 */
module org.luahost.vm {
    exports org.luahost.vm;
    exports org.luahost.vm.spi to
            org.luahost.coroutines,
            org.luahost.scheduler,
            org.luahost.persistence,
            org.luahost.cli;

    // Temporary until the walker lands: persistence (Encoder, Decoder, FunctionCodec, PathFinder,
    // VmFunctions, SnapshotCodec, Persister) and the scheduler's Footprint still read VM internals;
    // the value-graph and function-image types of org.luahost.vm.spi replace these exports.
    exports org.luahost.vm.interp to org.luahost.persistence, org.luahost.scheduler;
    exports org.luahost.vm.parser to org.luahost.persistence;
    exports org.luahost.vm.runtime to org.luahost.persistence;

    requires java.management;   // os.clock: the process's CPU time
    requires jdk.management;    // (com.sun.management's OperatingSystemMXBean)

    uses org.luahost.vm.LuaLibrary;
}
