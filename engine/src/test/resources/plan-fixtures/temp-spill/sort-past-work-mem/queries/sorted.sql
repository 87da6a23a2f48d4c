-- allow-seq-scan: orders  it sorts every order on purpose
SELECT * FROM orders ORDER BY note, total -- expect: temp-spill "spills past work_mem"
