"""District figures: yearly statistics beside the published table, and the district report (xlsx, csv, pdf)."""
