# Sourced by the bench scripts: free_port prints a loopback TCP port nothing listens on now.
free_port() {
  local port
  while :; do
    port=$((21000 + RANDOM % 9000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2> /dev/null; then echo $port; return; fi
  done
}
