"""Keeps committed notebooks free of outputs (standard library only, so CI can check before Jupyter is installed).

    python3 strip.py --check A.ipynb ...   exit 1 naming every notebook that carries outputs or execution counts
    python3 strip.py A.ipynb ...           remove outputs, execution counts and run-time cell metadata in place
"""
import json
import sys

RUNTIME_METADATA = ("execution", "collapsed", "scrolled")


def dirty_cells(nb):
    """Numbers (from 1) of the code cells that carry outputs or an execution count."""
    return [i for i, cell in enumerate(nb["cells"], 1)
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]


def strip(nb):
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in RUNTIME_METADATA:
            cell.get("metadata", {}).pop(key, None)


def main(args):
    check = bool(args) and args[0] == "--check"
    files = args[1:] if check else args
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        if check:
            cells = dirty_cells(nb)
            if cells:
                bad += 1
                print(f"{path}: outputs in code cells {cells}; strip them with notebooks-java/run.sh --strip",
                      file=sys.stderr)
        else:
            strip(nb)
            with open(path, "w", encoding="utf-8") as f:
                # the layout nbformat writes, so that stripping a stripped notebook changes nothing
                f.write(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
