"""A lift after handover: who runs it (使用管理人, maintenance company), its maintenance visits, yearly
inspections, insurance and stoppages (`logbook`), its running costs, the bills each household gets
per year and what they paid (`running`), and what is due (`due`, read by 今日 and the CLI)."""
