"""Plain helpers every domain uses: dates, money and areas, paths, resources, settings, logs."""
