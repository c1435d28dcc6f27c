from qdaw.cli import main

raise SystemExit(main())
