return io.open("/etc/passwd"):read("a") .. os.getenv("HOME") .. require("x") .. debug.traceback()
