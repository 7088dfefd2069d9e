import sys

from tools.bootstrap import main as setup, relaunch

if sys.argv[1:2] == ["setup"]:  # before anything needs the dependencies it installs
    sys.exit(setup(sys.argv[2:]))
code = relaunch(sys.argv[1:])
if code is not None:
    sys.exit(code)

from tools.cli import main  # noqa: E402

sys.exit(main(standalone=True))
