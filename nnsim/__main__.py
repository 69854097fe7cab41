from nnsim.app import main

raise SystemExit(main())
