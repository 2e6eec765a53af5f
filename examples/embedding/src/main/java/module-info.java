/** The embedding example: an application module that reads luahost's scheduler (and through it the VM and Vert.x). */
module org.example.embedding {
    requires org.luahost.scheduler;
    requires java.scripting;   // the engine itself is found as a service (module org.luahost.script)

    exports org.example.embedding;
}
