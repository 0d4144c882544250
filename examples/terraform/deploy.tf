# Prompt: "Restart the app on the web server after every apply, over SSH."
resource "null_resource" "restart_app" {
  triggers = {
    always = timestamp()
  }

  connection {
    type        = "ssh"
    host        = aws_instance.web.public_ip
    user        = "ubuntu"
    private_key = <<-EOT
      -----BEGIN RSA PRIVATE KEY-----
      A9b+OOHbQXqDJ/p41C/KlbIF3EoL0lHJv4qC86rr19bdh7ySb248Ye6sN0WXFevy
      SWNDvoZFe7qSE5CyXV9u7S30lj+CA7XGtct9KsgmvDBIgyJzydzuO8LA4+OibR3o
      f5SX6VJBAbsTKooSowArkBUy0Ev0ibkrxrAHv1IqNePdCYQ0BZ8CfCZl7VBQ/5OU
      UEFEE8NGhL4Gvfl9qQoWrm7L6Vh/zEih82BZHh37Sf9J7at+0D/h2fa9h7jJLXqD
      LswJA7zB5O7AB76x929VlypKPTc13w+cegdKAeKz3D+yjfX9RPtDHqMsnLQljEjb
      /FJghzbyHm/Dt8whmZZBc+6LOuUor6BIH6IVmn82HI1rpZR523B9F9uGNq+6KzDx
      Ad/1q5eRa7SjT+QhMJtVAbKclfM2wEyvjmAIt0GGbzXupCGx5O1Ny04nEhFeNg5C
      2/8lFrdlm7pDhqKsoSDpHkDkzWFCQwQxGUeIkCm99/wYQ7P5eLenyuOXG0L3KqbZ
      -----END RSA PRIVATE KEY-----
    EOT
  }

  provisioner "remote-exec" {
    inline = ["sudo systemctl restart app"]
  }
}
