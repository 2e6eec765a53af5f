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

    requires java.management;   // os.clock: the process's CPU time
    requires jdk.management;    // (com.sun.management's OperatingSystemMXBean)

    uses org.luahost.vm.LuaLibrary;
}
