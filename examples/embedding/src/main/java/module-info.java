/** The embedding example: an application module that reads luahost's scheduler (and through it the VM and Vert.x). */
module org.example.embedding {
    requires org.luahost.scheduler;

    exports org.example.embedding;
}
