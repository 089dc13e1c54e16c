"""Checks the Parquet that the Spark jobs write (the cluster test's assertions).

    check_rows.py ids DIR N              exactly N rows, ids 0..N-1 each once
    check_rows.py same DIR OTHER [ROWS]  the same samples by id (OTHER may hold more ids)
    check_rows.py npy DIR FILE.npy       samples equal the rows of a `gan generate` .npy, by id
    check_rows.py scores DIR FILE.npy    probabilities equal a `gan score` .npy [n, 1], by id

Values are compared to 1e-5 (different TensorFlow thread counts may round differently).
"""
import sys

import numpy as np
import pyarrow.parquet as pq

TOLERANCE = 1e-5


def table(path, column):
    t = pq.read_table(path)
    ids = t.column("id").to_numpy()
    order = np.argsort(ids, kind="stable")
    col = t.column(column).combine_chunks()
    if column == "sample":
        values = col.flatten().to_numpy(zero_copy_only=False)
        values = values.reshape(len(ids), -1)
    else:
        values = col.to_numpy(zero_copy_only=False)
    return ids[order], values[order]


def fail(message):
    print("check_rows: FAILED: " + message)
    sys.exit(1)


def main(argv):
    what = argv[1]
    if what == "ids":
        ids, _ = table(argv[2], "sample")
        n = int(argv[3])
        if len(ids) != n or len(np.unique(ids)) != n or ids.min() != 0 or ids.max() != n - 1:
            fail(f"{argv[2]}: expected ids 0..{n - 1} once each, found {len(ids)} rows,"
                 f" {len(np.unique(ids))} distinct, from {ids.min()} to {ids.max()}")
        print(f"check_rows: {argv[2]}: {n} rows, ids 0..{n - 1} each once")
    elif what == "same":
        ids, x = table(argv[2], "sample")
        other_ids, y = table(argv[3], "sample")
        rows = np.searchsorted(other_ids, ids)
        if rows.max(initial=0) >= len(other_ids) or not np.array_equal(other_ids[rows], ids):
            fail(f"{argv[3]}: expected every id of {argv[2]}")
        diff = float(np.abs(x - y[rows]).max())
        if diff > TOLERANCE:
            fail(f"{argv[2]} and {argv[3]}: largest difference {diff}")
        print(f"check_rows: {argv[2]} equals {argv[3]} on {len(ids)} ids (largest difference {diff:.2g})")
    elif what == "npy":
        ids, x = table(argv[2], "sample")
        ref = np.load(argv[3]).reshape(-1, x.shape[1])
        if not np.array_equal(ids, np.arange(len(ref))):
            fail(f"{argv[2]}: expected ids 0..{len(ref) - 1}, found {len(ids)} rows")
        diff = float(np.abs(x - ref).max())
        if diff > TOLERANCE:
            fail(f"{argv[2]} and {argv[3]}: largest difference {diff}")
        print(f"check_rows: {argv[2]} equals {argv[3]} ({len(ids)} samples, largest difference {diff:.2g})")
    elif what == "scores":
        ids, p = table(argv[2], "probability")
        ref = np.load(argv[3]).reshape(-1)
        if not np.array_equal(ids, np.arange(len(ref))):
            fail(f"{argv[2]}: expected ids 0..{len(ref) - 1}, found {len(ids)} rows")
        diff = float(np.abs(p - ref).max())
        if diff > TOLERANCE:
            fail(f"{argv[2]} and {argv[3]}: largest difference {diff}")
        print(f"check_rows: {argv[2]} scores equal {argv[3]} ({len(ids)} samples, largest difference {diff:.2g})")
    else:
        fail("expected ids, same, npy or scores, found " + what)


if __name__ == "__main__":
    main(sys.argv)
