module goconc.dev/bench

go 1.19
