"""Plain helpers every domain uses: dates, money and areas, text, paths, resources, presets, settings, logs."""
