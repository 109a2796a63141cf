from gsomia_cli.launch import main

main()
